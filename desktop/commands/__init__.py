"""Every undoable edit, one module per noun; each acts on the database by id."""
