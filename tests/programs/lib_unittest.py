# A unittest suite run by a TextTestRunner on a stream of our own: passes, failures
# (with CPython's assertion messages and diffs), errors, skips, expected failures,
# subTest, fixtures and cleanups in order, assertRaises as a context manager; the
# whole report is printed with the timing and this file's folder taken out.
import io
import os
import re
import unittest

events = []


class Arithmetic(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        events.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        events.append("tearDownClass")

    def setUp(self):
        self.values = [3, 1, 2]
        events.append("setUp " + self._testMethodName)
        self.addCleanup(events.append, "cleanup " + self._testMethodName)

    def tearDown(self):
        events.append("tearDown " + self._testMethodName)

    def test_sorted(self):
        self.assertEqual(sorted(self.values), [1, 2, 3])
        self.assertIn(2, self.values)
        self.assertIsInstance(self.values, list)
        self.assertTrue(self.values)

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertEqual(str(cm.exception), "division by zero")
        self.assertRaises(KeyError, {}.__getitem__, "k")
        with self.assertRaisesRegex(ValueError, r"invalid literal .* 'x'"):
            int("x")

    def test_failure(self):
        self.assertEqual(sum(self.values), 7)

    def test_list_diff(self):
        self.assertEqual([1, 2, 3, 4], [1, 2, 5, 4])

    def test_dict_diff(self):
        self.assertDictEqual({"a": 1, "b": 2}, {"a": 1, "b": 3})

    def test_almost_equal(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertAlmostEqual(1.0, 1.1, places=3)

    def test_not_raised(self):
        with self.assertRaises(TypeError):
            pass

    def test_message(self):
        self.assertGreater(1, 2, "one is not more than two")

    def test_error(self):
        raise KeyError("missing")

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    def test_skip_inside(self):
        self.skipTest("decided at run time")

    @unittest.skipIf(True, "condition held")
    def test_skip_if(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 2)


class Strings(unittest.TestCase):
    def test_multiline(self):
        self.assertEqual("one\ntwo\nthree\n", "one\n2\nthree\n")

    def test_upper(self):
        self.assertEqual("abc".upper(), "ABC")


loader = unittest.TestLoader()
suite = unittest.TestSuite()
suite.addTests(loader.loadTestsFromTestCase(Arithmetic))
suite.addTests(loader.loadTestsFromTestCase(Strings))
print(suite.countTestCases(), "tests")
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), len(result.unexpectedSuccesses), result.wasSuccessful())
report = stream.getvalue().replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, "")
print(re.sub(r"Ran (\d+) tests? in \d+\.\d+s", r"Ran \1 tests", report), end="")
print("\n".join(events))

quiet = io.StringIO()
outcome = unittest.TextTestRunner(stream=quiet, verbosity=1).run(
    loader.loadTestsFromTestCase(Strings))
print(quiet.getvalue().splitlines()[0], outcome.wasSuccessful())
print([t.id() for t in loader.loadTestsFromTestCase(Strings)])
