"""The Qt GUI: the review workspace. Imports storage and pipeline, never the other way round."""

from gui.pyside_guard import guard_none_refcount

guard_none_refcount()
