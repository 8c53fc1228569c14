"""Benchmark support that needs neither the store nor Qt: the synthetic corpus."""
