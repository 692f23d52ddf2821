"""Prints, as JSON, what mutagen (the library Picard and Quod Libet read tags with) finds in each file given.

Field names follow Picard; every value is a list of strings as stored, so a test sees a joined string or a real
multi-value field for what it is. Numbers come back as "n/N" or "n" whatever the format stores them as.
"""
import json
import sys

import mutagen
from mutagen.id3 import ID3
from mutagen.mp4 import MP4


def number_pair(number, total):
    if not number:
        return []
    return [f"{number}/{total}" if total else f"{number}"]


def from_id3(tags: ID3) -> dict:
    def text(frame_id):
        frame = tags.get(frame_id)
        return [str(value) for value in frame.text] if frame else []

    encodings = sorted({frame.encoding for frame in tags.values() if hasattr(frame, "encoding")})
    return {
        "title": text("TIT2"),
        "artist": text("TPE1"),
        "artists": text("TXXX:ARTISTS"),
        "album": text("TALB"),
        "albumartist": text("TPE2"),
        "albumartists": text("TXXX:ALBUMARTISTS"),
        "track": text("TRCK"),
        "disc": text("TPOS"),
        "date": text("TDRC"),
        "isrc": text("TSRC"),
        "media": text("TMED"),
        "covers": len(tags.getall("APIC")),
        "id3": {"version": list(tags.version), "encodings": encodings},
    }


def from_mp4(tags) -> dict:
    def text(key):
        return [str(value) for value in tags.get(key, [])]

    def freeform(name):
        return [bytes(value).decode("utf-8") for value in tags.get(f"----:com.apple.iTunes:{name}", [])]

    track = tags.get("trkn", [(0, 0)])[0]
    disc = tags.get("disk", [(0, 0)])[0]
    return {
        "title": text("\xa9nam"),
        "artist": text("\xa9ART"),
        "artists": freeform("ARTISTS"),
        "album": text("\xa9alb"),
        "albumartist": text("aART"),
        "albumartists": freeform("ALBUMARTISTS"),
        "track": number_pair(*track),
        "disc": number_pair(*disc),
        "date": text("\xa9day"),
        "isrc": freeform("ISRC"),
        "media": freeform("MEDIA"),
        "covers": len(tags.get("covr", [])),
    }


def from_vorbis(file) -> dict:
    tags = file.tags

    def text(key):
        return list(tags.get(key, []))

    def pair(number_key, total_key):
        number = text(number_key)
        total = text(total_key)
        return number_pair(number[0] if number else None, total[0] if total else None)

    covers = len(getattr(file, "pictures", [])) + len(text("METADATA_BLOCK_PICTURE"))
    return {
        "title": text("TITLE"),
        "artist": text("ARTIST"),
        "artists": text("ARTISTS"),
        "album": text("ALBUM"),
        "albumartist": text("ALBUMARTIST"),
        "albumartists": text("ALBUMARTISTS"),
        "track": pair("TRACKNUMBER", "TRACKTOTAL"),
        "disc": pair("DISCNUMBER", "DISCTOTAL"),
        "date": text("DATE"),
        "isrc": text("ISRC"),
        "media": text("MEDIA"),
        "covers": covers,
    }


def read(path: str) -> dict:
    file = mutagen.File(path)
    if file is None or file.tags is None:
        return {"error": "no tags"}
    if isinstance(file.tags, ID3):
        return from_id3(file.tags)
    if isinstance(file, MP4):
        return from_mp4(file.tags)
    return from_vorbis(file)


print(json.dumps({path: read(path) for path in sys.argv[1:]}, ensure_ascii=False))
