"""The facts this app hands to the badge rules of ``community``."""
