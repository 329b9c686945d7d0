# A unittest suite run by a TextTestRunner on a stream of our own: passes, a failure,
# an error, a skip and an expected failure, and the summary.
import io
import unittest


class Arithmetic(unittest.TestCase):
    def setUp(self):
        self.values = [3, 1, 2]

    def test_sorted(self):
        self.assertEqual(sorted(self.values), [1, 2, 3])

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0

    def test_failure(self):
        self.assertEqual(sum(self.values), 7)

    def test_error(self):
        raise KeyError("missing")

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)

    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 5)


suite = unittest.defaultTestLoader.loadTestsFromTestCase(Arithmetic)
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), result.wasSuccessful())
for line in stream.getvalue().splitlines():
    if line.startswith(("test_", "FAIL:", "ERROR:", "AssertionError", "KeyError", "FAILED", "Ran ")):
        print(line.replace(" in 0.000s", "").split(" in ")[0] if line.startswith("Ran ") else line)
