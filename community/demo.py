"""Demo content of the community (filled in below)."""


def load(context):
    return None
