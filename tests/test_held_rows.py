"""A windowed model's held rows renumbered around one removed, inserted or moved row."""

from desktop.models.held_rows import after_insertion, after_move, after_removal

# Rows 0-2 and 5-6 are held; 3 and 4 were never read.
HELD = {0: "a", 1: "b", 2: "c", 5: "f", 6: "g"}


def as_list(rows: dict[int, str], count: int) -> list[str]:
    return [rows.get(r, "?") for r in range(count)]


def test_a_removed_row_closes_the_gap_after_it() -> None:
    assert as_list(after_removal(HELD, 1), 6) == ["a", "c", "?", "?", "f", "g"]
    assert as_list(after_removal(HELD, 4), 6) == ["a", "b", "c", "?", "f", "g"]


def test_an_inserted_row_pushes_the_rows_from_it_down_and_stays_free() -> None:
    rows = after_insertion(HELD, 2)
    assert 2 not in rows
    assert as_list(rows, 8) == ["a", "b", "?", "c", "?", "?", "f", "g"]


def test_a_moved_row_shifts_those_between_and_its_place_stays_free() -> None:
    down = after_move(HELD, 1, 5)  # b goes below f
    assert 5 not in down
    assert as_list(down, 7) == ["a", "c", "?", "?", "f", "?", "g"]
    up = after_move(HELD, 6, 0)  # g goes to the top
    assert 0 not in up
    assert as_list(up, 7) == ["?", "a", "b", "c", "?", "?", "f"]


def test_a_row_moved_onto_its_own_place_leaves_the_others_where_they_were() -> None:
    assert after_move(HELD, 2, 2) == {r: v for r, v in HELD.items() if r != 2}
