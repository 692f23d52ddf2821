"""Prints, as JSON, the lyrics mutagen finds in each file given: the unsynchronised texts and the timed lines.

ID3: every USLT text, and every SYLT frame's (milliseconds, text) pairs. MP4: the ©lyr atoms. Vorbis comments:
the LYRICS values. A file without lyrics gives empty lists.
"""
import json
import sys

import mutagen
from mutagen.id3 import ID3
from mutagen.mp4 import MP4


def read(path: str) -> dict:
    file = mutagen.File(path)
    if file is None or file.tags is None:
        return {"plain": [], "synced": []}
    tags = file.tags
    if isinstance(tags, ID3):
        synced = [[[time, text] for text, time in frame.text] for frame in tags.getall("SYLT")]
        return {"plain": [frame.text for frame in tags.getall("USLT")], "synced": synced}
    if isinstance(file, MP4):
        return {"plain": [str(value) for value in tags.get("\xa9lyr", [])], "synced": []}
    return {"plain": list(tags.get("LYRICS", [])), "synced": []}


print(json.dumps({path: read(path) for path in sys.argv[1:]}, ensure_ascii=False))
