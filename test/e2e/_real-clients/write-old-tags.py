"""Rewrites files' tags the way musicdl wrote them before it followed Picard (for the re-tag test).

mp3: one TPE1 frame holding every artist in UTF-16, disc "n/n" as if the album had one disc, no TXXX:ARTISTS.
flac: one ARTIST comment per artist, DISCTOTAL equal to the disc number, no ARTISTS.
Arguments: pairs of <file> <artists joined by "|">.
"""
import sys

import mutagen
from mutagen.flac import FLAC
from mutagen.id3 import ID3, TIT2, TPE1, TPOS

args = sys.argv[1:]
for path, artists in zip(args[0::2], args[1::2]):
    names = artists.split("|")
    file = mutagen.File(path)
    if isinstance(file, FLAC):
        disc = file.tags["DISCNUMBER"][0]
        file.tags["ARTIST"] = names
        file.tags["DISCTOTAL"] = [disc]
        for key in ("ARTISTS", "ALBUMARTISTS", "MEDIA"):
            if key in file.tags:
                del file.tags[key]
        file.save()
    else:
        tags = ID3(path)
        title = tags["TIT2"].text[0]
        disc = tags["TPOS"].text[0].split("/")[0]
        tags.delete()
        tags = ID3()
        tags.add(TIT2(encoding=1, text=[title]))
        tags.add(TPE1(encoding=1, text=names))
        tags.add(TPOS(encoding=1, text=[f"{disc}/{disc}"]))
        tags.save(path, v2_version=4)
