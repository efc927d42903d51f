"""The ties of a large map drawn into one image with numpy, for its static picture.

Matplotlib draws each line segment on its own: about 10 µs a segment, again for every file
written, so the 300,000 ties of a map of 50,000 people took about 3 s per PNG or SVG.
:func:`tie_image` draws them all at once, in pixels:

- A segment is *sampled* once per pixel along its longer axis; each sample carries the ink of
  its piece of line (width × length of the piece, in pixels) and shares it between the two
  pixels nearest to it across the line, by distance (antialiased, as Xiaolin Wu's lines). A line
  wider than a pixel is drawn as parallel lines a pixel or less apart.
- The segments of one *group* (one rung: the same colour and width) are laid on a transparent
  image together: their ink is summed per pixel, and a pixel with ink ``c`` gets the opacity
  ``1 - exp(-k c)``. Lines over one another thus combine as they do when drawn one by one, in
  any order, and ``k`` is chosen so that a line has on average as much ink as matplotlib gives
  it (opacity ``alpha`` times its share of each pixel): a little less on the one pixel it
  crosses at its centre, a little more when it crosses between two.
- Groups are laid over one another in their order (the lowest rung first).

The image is RGBA with straight (not premultiplied) alpha, rows from the top; pixel ``(row,
col)`` has its centre at ``(col + 0.5, row + 0.5)``.

Examples
--------
>>> import numpy as np
>>> segments = np.array([[[0.0, 1.5], [10.0, 1.5]], [[0.0, 5.0], [10.0, 5.0]]])  # row 1; 4-5
>>> image = tie_image(segments, np.array([0, 0]), [(0.0, 0.0, 1.0)], [1.0], (7, 10), alpha=0.8)
>>> image.shape, [round(float(a), 2) for a in image[:, 5, 3]], image[1, 5, :3].tolist()
((7, 10, 4), [0.0, 0.68, 0.0, 0.0, 0.43, 0.43, 0.0], [0.0, 0.0, 1.0])
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes

__all__ = ["tie_image", "draw_tie_image", "SAMPLES_AT_ONCE"]

#: Samples handled in one batch: small arrays, reused from memory already at hand, are several
#: times faster than large ones that the system must hand out page by page.
SAMPLES_AT_ONCE = 32_768


def tie_image(
    segments: np.ndarray,
    group: np.ndarray,
    colours: Sequence[Sequence[float]],
    widths: Sequence[float],
    shape: tuple[int, int],
    *,
    alpha: float = 1.0,
) -> np.ndarray:
    """The line ``segments`` (n × 2 × 2, pixel coordinates ``(x, y)``) drawn on a transparent
    ``shape`` (rows, columns) image: segment ``i`` in ``colours[group[i]]`` (RGB, 0-1; a fourth
    value is ignored), ``widths[group[i]]`` pixels wide, with opacity ``alpha``; groups in
    their order. Returns a float32 RGBA array (rows × columns × 4). Inputs are not changed.

    >>> tie_image(np.zeros((0, 2, 2)), np.zeros(0, int), [], [], (2, 3)).shape
    (2, 3, 4)
    """
    rows, cols = shape
    colour = np.zeros((3, rows * cols), dtype=np.float32)  # premultiplied by the opacity
    opacity = np.zeros(rows * cols, dtype=np.float32)
    segments = np.asarray(segments, dtype=float).reshape(-1, 2, 2)
    group = np.asarray(group)
    for number, (rgb, width) in enumerate(zip(colours, widths)):
        mine = segments[group == number]
        if not len(mine):
            continue
        strands = max(1, math.ceil(width))  # a wide line: parallel lines at most a pixel apart
        share = float(width) / strands
        ink = _ink(mine, share, strands, shape)
        # 1 - (1 - a) ** (ink / share), with a = alpha * share: see the module.
        covered = (-np.expm1(-_density(alpha * share) / share * ink)).astype(np.float32)
        kept = 1.0 - covered
        for channel in range(3):
            colour[channel] *= kept
            colour[channel] += covered * np.float32(rgb[channel])
        opacity *= kept
        opacity += covered
    image = np.zeros((rows * cols, 4), dtype=np.float32)
    seen = opacity > 0
    image[seen, :3] = (colour[:, seen] / opacity[seen]).T
    image[:, 3] = opacity
    return image.reshape(rows, cols, 4)


def draw_tie_image(
    axes: Axes,
    segments: np.ndarray,
    which: np.ndarray,
    colours: list[tuple[float, float, float, float]],
    widths: list[float],
    *,
    dpi: float,
    alpha: float = 1.0,
) -> None:
    """Draw the ties (``segments`` in data units, tie ``i`` in ``colours[which[i]]`` and
    ``widths[which[i]]`` points, with opacity ``alpha``) on ``axes`` as one image
    (:func:`tie_image`), a pixel of it for each pixel of the figure saved at ``dpi``; the axes'
    limits (set before) stay."""
    axes.apply_aspect()  # where the axes sit once their aspect is kept
    box = axes.get_position()
    figure = axes.get_figure(root=True)
    assert figure is not None, "the axes are on a figure"
    width, height = figure.get_size_inches()
    shape = (max(1, round(box.height * height * dpi)), max(1, round(box.width * width * dpi)))
    (x0, x1), (y1, y0) = axes.get_xlim(), axes.get_ylim()
    pixels = np.empty_like(segments)
    pixels[..., 0] = (segments[..., 0] - x0) / (x1 - x0) * shape[1]
    pixels[..., 1] = (segments[..., 1] - y0) / (y1 - y0) * shape[0]
    image = tie_image(pixels, which, colours, [w * dpi / 72 for w in widths], shape, alpha=alpha)
    axes.imshow(image, extent=(x0, x1, y1, y0), interpolation="nearest", zorder=1)
    axes.set_xlim(x0, x1)
    axes.set_ylim(y1, y0)


def _density(opacity: float) -> float:
    """The ``u`` for which a line of opacity ``opacity`` (at most 1) has, on average over where
    it crosses a pixel, as much ink as matplotlib draws: ``1 - exp(-u c)`` for the shares ``c``
    and ``1 - c`` of its two pixels sums to ``opacity`` (by bisection).

    >>> u = _density(0.4); round(2 - 2 * (1 - math.exp(-u)) / u, 6)
    0.4
    """
    low, high = 0.0, 50.0
    for _ in range(60):
        u = (low + high) / 2
        if 2 - 2 * (1 - math.exp(-u)) / u < opacity:
            low = u
        else:
            high = u
    return (low + high) / 2


def _ink(segments: np.ndarray, share: float, strands: int, shape: tuple[int, int]) -> np.ndarray:
    """The ink of ``segments`` per pixel (flat, rows × columns), each drawn as ``strands``
    parallel lines ``share`` pixels wide, side by side."""
    rows, cols = shape
    start, delta = segments[:, 0], segments[:, 1] - segments[:, 0]
    length = np.hypot(delta[:, 0], delta[:, 1])
    steps = np.maximum(1, np.ceil(np.abs(delta).max(axis=1))).astype(np.int64)
    across = np.column_stack([-delta[:, 1], delta[:, 0]]) / np.maximum(length, 1e-12)[:, None]
    ink = share * length / steps  # per sample: its piece's area, in pixels
    along_x = np.abs(delta[:, 0]) >= np.abs(delta[:, 1])
    padded = np.zeros((rows + 2) * (cols + 2))  # a pixel all round: the far pixel may be off
    for strand in range(strands):
        shifted = start + across * (((strand + 0.5) / strands - 0.5) * share * strands)
        for axis, mine in ((0, along_x), (1, ~along_x)):
            ends = np.cumsum(steps[mine])
            if not len(ends):
                continue
            cuts = np.searchsorted(ends, np.arange(SAMPLES_AT_ONCE, ends[-1], SAMPLES_AT_ONCE))
            for part in np.split(np.flatnonzero(mine), cuts + 1):
                if len(part):
                    batch = (shifted[part], delta[part], steps[part], ink[part])
                    _add_samples(padded, *batch, axis=axis, shape=shape)
    return padded.reshape(rows + 2, cols + 2)[1:-1, 1:-1].ravel()


def _add_samples(
    padded: np.ndarray,
    start: np.ndarray,
    delta: np.ndarray,
    steps: np.ndarray,
    ink: np.ndarray,
    *,
    axis: int,
    shape: tuple[int, int],
) -> None:
    """Add to ``padded`` (:func:`_ink`'s image with a pixel all round, flat) the samples of
    segments longer along ``axis`` (0: x, 1: y), one per pixel along it, each shared between
    the two pixels nearest across; samples off the image are left out."""
    rows, cols = shape
    step = delta / steps[:, None]
    first = (np.cumsum(steps) - steps)[:, None]
    base = start + step * (0.5 - first)  # sample k (counted over the batch) at base + k * step
    count = np.arange(int(steps.sum()), dtype=np.float64)
    along = np.repeat(base[:, axis], steps) + count * np.repeat(step[:, axis], steps)
    across = np.repeat(base[:, 1 - axis] - 0.5, steps) + count * np.repeat(step[:, 1 - axis], steps)
    near = np.floor(across)
    far_share = across - near
    major, minor = along.astype(np.int64) + 1, near.astype(np.int64) + 1  # in padded pixels
    row, col = (minor, major) if axis == 0 else (major, minor)
    width = cols + 2
    pixel = row * width + col
    share = np.repeat(ink, steps)
    far = share * far_share
    if major.min() < 1 or major.max() > (cols, rows)[axis] or minor.min() < 0:
        off = (major < 1) | (major > (cols, rows)[axis]) | (minor < 0)
    else:
        off = None
    if minor.max() > (rows, cols)[axis]:
        off = minor > (rows, cols)[axis] if off is None else off | (minor > (rows, cols)[axis])
    if off is not None:
        keep = ~off
        pixel, share, far = pixel[keep], share[keep], far[keep]
    np.add.at(padded, pixel, share - far)
    np.add.at(padded, pixel + (width if axis == 0 else 1), far)
