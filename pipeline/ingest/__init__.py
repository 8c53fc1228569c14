"""Ingest: find files, read their bytes, detect encoding and format, and decode them exactly."""

from pipeline.ingest.discover import SUPPORTED_SUFFIXES, discover
from pipeline.ingest.reader import IngestError, read_bytes, read_file

__all__ = ["SUPPORTED_SUFFIXES", "IngestError", "discover", "read_bytes", "read_file"]
