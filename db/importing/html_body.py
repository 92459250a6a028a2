"""One body for the page: what comes after the body's end is moved into it, as a browser does.

A browser shows text written after ``</body>``, after ``</html>`` or in a second
``<body>`` as part of the one body (HTML's parsing rules send it back into the
body).  libxml2 does not: it leaves such text beside the body in ``<html>`` (a
second ``<body>`` too), or, after ``</html>``, in a second ``<html>`` element
beside the document's root, where nothing that reads the body would find it.
:func:`gather_body` moves all of it to the end of the first body, in the
page's order, so that it is laid out, chosen and reported like the rest.
"""

from __future__ import annotations

import lxml.html

# Elements that only wrap what follows them there: their content is moved, not they.
_WRAPPERS = frozenset({"html", "head", "body"})


def _add_text(body: lxml.html.HtmlElement, text: str | None) -> None:
    """Put *text* at the end of *body*."""
    if not text:
        return
    if len(body):
        last = body[-1]
        last.tail = (last.tail or "") + text
    else:
        body.text = (body.text or "") + text


def _move_content(body: lxml.html.HtmlElement, element: lxml.html.HtmlElement) -> None:
    """Move *element*'s text and children to the end of *body*, wrappers unwrapped."""
    _add_text(body, element.text)
    element.text = None
    for child in list(element):
        _move(body, child)


def _move(body: lxml.html.HtmlElement, element: lxml.html.HtmlElement) -> None:
    """Move *element* (and the text after it) to the end of *body*."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag in _WRAPPERS:
        tail = element.tail
        element.tail = None
        _move_content(body, element)
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
        _add_text(body, tail)
    else:
        body.append(element)  # its tail goes with it


def gather_body(root: lxml.html.HtmlElement) -> None:
    """Move what the parser left after the page's first body into it (see the module)."""
    body = root.find("body")
    if body is None:
        return  # a frameset, or no page at all: nothing is laid out as a body
    tail = body.tail
    body.tail = None
    _add_text(body, tail)
    for later in list(body.itersiblings()):
        _move(body, later)
    for root_after in list(root.itersiblings()):
        if isinstance(root_after.tag, str):
            _move_content(body, root_after)
            _add_text(body, root_after.tail)
            root_after.tail = None
