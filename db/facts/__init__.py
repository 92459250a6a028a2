"""Facts and conflicts: the questions claims answer, and how their answers relate.

- :mod:`db.facts.service` — facts in the database: create, rename, merge,
  delete, put claims in and take them out (each write returns its
  :class:`~db.changes.Changes`).
- :mod:`db.facts.profile` — what a claim says in numbers: its figure (value,
  range, counted thing, qualifier) and when (event date, else publication).
- :mod:`db.facts.relate` — pure comparison of two profiles: same question or
  not, and if so contradicts / updates / same / supports, with the reason in
  words.
- :mod:`db.facts.proposals` — proposals over a workspace: claims to group into
  facts, and links between claims, minus those already made or dismissed.
"""
