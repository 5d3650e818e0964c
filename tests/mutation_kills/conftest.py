"""The golden-file helper's assertions are rewritten by pytest like a test's own, so a
failing comparison shows the values and where they differ."""

import pytest

pytest.register_assert_rewrite("_golden")
