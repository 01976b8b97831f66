"""Example cases: symptom sets used by the README, the tests and teachers."""
