"""The ties of a large map drawn with numpy, against matplotlib drawing the same lines."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

import contactladder.render.tie_raster as tie_raster
from contactladder.render.tie_raster import tie_image

SHAPE = (60, 80)


def drawn_by_matplotlib(segments: np.ndarray, width_px: float, alpha: float) -> np.ndarray:
    """The opacity matplotlib gives each pixel when it draws ``segments`` (pixel coordinates)
    one by one, ``width_px`` wide, on a figure of exactly ``SHAPE`` pixels."""
    rows, cols = SHAPE
    figure = Figure(figsize=(cols / 100, rows / 100), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    axes.set_xlim(0, cols)
    axes.set_ylim(rows, 0)
    axes.add_collection(
        LineCollection(segments, colors="#000000", linewidths=width_px * 72 / 100, alpha=alpha)
    )
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    grey = np.asarray(canvas.buffer_rgba())[..., 0] / 255.0
    return 1.0 - grey  # black on white: the opacity


def random_segments(n: int, seed: int = 1) -> np.ndarray:
    rows, cols = SHAPE
    rng = np.random.default_rng(seed)
    return np.stack([rng.uniform(2, cols - 2, (n, 2)), rng.uniform(2, rows - 2, (n, 2))], axis=2)


@pytest.mark.parametrize("width", [0.5, 1.0, 2.5])
def test_the_ink_is_that_of_matplotlib_and_in_the_same_place(width):
    segments = random_segments(30)
    ours = tie_image(segments, np.zeros(30, int), [(0, 0, 0)], [width], SHAPE, alpha=0.8)[..., 3]
    theirs = drawn_by_matplotlib(segments, width, 0.8)
    assert abs(ours.sum() - theirs.sum()) < 0.15 * theirs.sum()  # as much ink
    blur = np.ones(5) / 5  # where it lies: the same once both are a little blurred

    def smooth(image: np.ndarray) -> np.ndarray:
        image = np.apply_along_axis(np.convolve, 0, image, blur, "same")
        return np.apply_along_axis(np.convolve, 1, image, blur, "same")

    assert np.abs(smooth(ours) - smooth(theirs)).mean() < 0.15 * smooth(theirs).mean()


def test_one_line_over_another_darkens_as_when_drawn_one_by_one():
    line = np.array([[[0.0, 5.5], [80.0, 5.5]]])
    one = tie_image(line, [0], [(1, 0, 0)], [1.0], SHAPE, alpha=0.6)
    two = tie_image(np.concatenate([line, line]), [0, 0], [(1, 0, 0)], [1.0], SHAPE, alpha=0.6)
    assert 0.4 < one[5, 40, 3] < 0.6
    assert two[5, 40, 3] == pytest.approx(1 - (1 - one[5, 40, 3]) ** 2, abs=1e-6)
    assert two[5, 40, :3].tolist() == [1.0, 0.0, 0.0] and two[20, 40, 3] == 0.0


def test_later_groups_lie_over_earlier_ones():
    line = np.array([[[0.0, 5.5], [80.0, 5.5]]] * 2)
    image = tie_image(line, [1, 0], [(1, 0, 0), (0, 0, 1)], [1.0, 1.0], SHAPE, alpha=1.0)
    red, _, blue, _ = image[5, 40]
    assert blue > 4 * red > 0 and image[5, 40, 1] == 0


def test_lines_off_the_image_leave_out_what_is_off_it():
    rows, cols = SHAPE
    inside = np.array([[[0.0, 10.5], [40.0, 10.5]]])
    crossing = np.array([[[-40.0, 10.5], [40.0, 10.5]], [[5.5, -30.0], [5.5, rows + 30.0]]])
    far = np.array([[[-50.0, -50.0], [-10.0, -20.0]], [[cols + 5.0, 1.0], [cols + 9.0, 50.0]]])
    image = tie_image(np.concatenate([crossing, far]), [0, 0, 0, 0], [(0, 0, 0)], [1.0], SHAPE)
    alone = tie_image(inside, [0], [(0, 0, 0)], [1.0], SHAPE)
    assert np.array_equal(image[10, 6:], alone[10, 6:])
    assert image[:, 5, 3].min() > 0.6 and image.shape == (rows, cols, 4)


def test_batches_give_the_picture_of_all_at_once(monkeypatch):
    segments = random_segments(200, seed=7)
    group = np.arange(200) % 3
    colours, widths = [(1, 0, 0), (0, 1, 0), (0, 0, 1)], [0.4, 1.0, 1.7]
    whole = tie_image(segments, group, colours, widths, SHAPE, alpha=0.8)
    monkeypatch.setattr(tie_raster, "SAMPLES_AT_ONCE", 37)
    assert np.allclose(tie_image(segments, group, colours, widths, SHAPE, alpha=0.8), whole)
