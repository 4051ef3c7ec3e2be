"""The benchmark (`make bench`): a large dataset, Convene under gunicorn, and its key pages."""
