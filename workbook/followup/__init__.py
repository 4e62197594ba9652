"""After the talks: agreements and their instalments, what is due, collection conduct,
the log filter, and each guide step's progress."""
