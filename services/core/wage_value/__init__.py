"""The loonwaarde (wage value) as assessed, and the doelgroepregister flag of a person."""
