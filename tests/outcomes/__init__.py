"""Tests of consultation outcomes."""
