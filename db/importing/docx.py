"""Word (.docx) articles: paragraph text and the document's core properties."""

from __future__ import annotations

import io
import zipfile

from db.articles import NewArticle
from db.errors import InvalidInput
from db.importing.metadata import document_metadata
from db.importing.text import normalise_text
from db.needs import needs

MAX_UNPACKED = 200 * 1024 * 1024  # refuse zip bombs
FEATURE = "Reading Word files"  # what python-docx, imported when a file is read, is for


def _check_zip(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED:
                raise InvalidInput(f"{name} unpacks to more than {MAX_UNPACKED // 2**20} MiB.")
    except zipfile.BadZipFile:
        raise InvalidInput(
            f"{name} is not a Word document (it is not a valid .docx zip)."
        ) from None
    if "word/document.xml" not in names:
        raise InvalidInput(f"{name} is not a Word document (it has no word/document.xml).")


def read_docx_article(data: bytes, filename: str) -> NewArticle:
    """Read a ``.docx`` file: non-empty paragraphs separated by blank lines."""
    with needs(FEATURE):
        import docx
        from docx.opc.exceptions import PackageNotFoundError

    name = filename or "The file"
    _check_zip(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InvalidInput(f"{name} cannot be read as a Word document ({exc}).") from None
    except Exception as exc:  # lxml syntax errors and the like from a damaged file
        raise InvalidInput(f"{name} is a damaged Word document ({type(exc).__name__}).") from None
    paragraphs = [" ".join(p.text.split()) for p in document.paragraphs]
    text = normalise_text("\n\n".join(p for p in paragraphs if p))
    if not text or text.isspace():
        raise InvalidInput(f"{name} holds no text.")
    props = document.core_properties
    meta = document_metadata(text, title=props.title or "", author=props.author or "")
    return meta.article(text, data, filename, "docx")
