"""The batch bench's memory course: the largest resident set per tenth of the run."""

from civharm.bench.batch import MB, peaks_by_tenth


def test_each_tenth_keeps_its_largest_sample() -> None:
    samples = [(0.5, 100 * MB), (0.9, 300 * MB), (5.0, 200 * MB), (9.99, 400 * MB)]
    assert peaks_by_tenth(samples, 10.0) == [300.0, None, None, None, None, 200.0, None, None, None, 400.0]


def test_a_sample_at_the_very_end_counts_in_the_last_tenth() -> None:
    assert peaks_by_tenth([(10.0, 50 * MB)], 10.0)[9] == 50.0


def test_no_samples_no_figures() -> None:
    assert peaks_by_tenth([], 10.0) == [None] * 10
