"""One-to-one assignment that maximises the total score (the Hungarian method).

Pure Python on purpose: the blocks the aligner solves are small (one domain of one
kind, rarely over 40×40), and importing scipy.optimize costs ~0.7 s, several times
the whole diff. tests/engine/test_align.py checks the result against
scipy.optimize.linear_sum_assignment on random matrices.
"""
from __future__ import annotations

_INF = float("inf")


def assign(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Rows × columns of weights -> (row, col) pairs with the largest total weight.

    Every row (or every column, whichever is fewer) gets a partner; callers drop the
    pairs whose weight is too small to mean anything. Ties go to the lower index
    (rows in order, then columns in order), so the result is deterministic.
    """
    if not weights or not weights[0]:
        return []
    n, m = len(weights), len(weights[0])
    if n > m:
        return sorted((r, c) for c, r in assign([list(col) for col in zip(*weights)]))
    # e-maxx's O(n^2 m) shortest augmenting path with potentials, on cost = -weight.
    cost = [[0.0] * (m + 1)] + [[0.0] + [-w for w in row] for row in weights]
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)   # p[j]: row matched to column j (1-based, 0 = none)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [_INF] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], _INF, 0
            row = cost[i0]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = row[j] - u[i0] - v[j]
                    if cur < minv[j] - 1e-12:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta - 1e-12:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return sorted((p[j] - 1, j - 1) for j in range(1, m + 1) if p[j])
