"""Export: curated records → JSONL (the reference format) or CSV, written atomically."""

from pipeline.export.records import ExportArticle, build_record, csv_row
from pipeline.export.writers import FORMATS, atomic_output, open_writer

__all__ = ["FORMATS", "ExportArticle", "atomic_output", "build_record", "csv_row", "open_writer"]
