"""Page residue around and inside the article, one module per concern.

- ``navigation``: language switches, menus, breadcrumbs, page tools, footers (lines removed);
- ``page_info``: publisher / time / click-count / editor lines (moved into metadata);
- ``datelines``: outlet and reporter named in the story's dateline (read into metadata);
- ``spam``: fold markers ("展开剩余85%"), repost footers and inserted spam phrases (removed);
- ``marks``: marks of a page's layout or a lost encoding on the story's lines: table bars framing
  its paragraphs, ``??`` runs where indentation was, a journal database's ``<正>`` (removed);
- ``brands``: gambling, lottery and wallet brands spliced into sentences, judged by features
  (a download word, no syntactic role, a name the article never uses otherwise, a template);
- ``captions``: photo captions (moved into the caption list) and image file names (dropped);
- ``boilerplate``: lines judged page furniture by their structure and their neighbours, and
  lines the store has seen in many articles of the same site (removed, undoable); it asks
  ``page_chrome`` about what an app or a widget prints around the story (timestamps, tags,
  dialogs, a digest's greeting, the site's notices, an app header) and ``doc_collections``
  about a document site's collection pages.

Each repair is a pure ``text → Step`` function; ``lines`` holds the shared line helpers.
"""

from pipeline.cleaning.residue.captions import lift_captions
from pipeline.cleaning.residue.datelines import dateline_metadata
from pipeline.cleaning.residue.navigation import remove_navigation
from pipeline.cleaning.residue.page_info import extract_page_info
from pipeline.cleaning.residue.spam import remove_inline_residue

__all__ = ["dateline_metadata", "extract_page_info", "lift_captions", "remove_inline_residue", "remove_navigation"]
