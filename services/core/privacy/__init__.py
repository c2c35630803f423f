"""Privacy: a person's access to their data (export) and its erasure (GDPR art. 15, 17, 20)."""
