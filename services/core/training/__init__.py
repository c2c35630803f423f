"""Training: a catalogue of modules that teach skills and DigComp competences, and the
modules people completed (which certify those skills on their profile)."""
