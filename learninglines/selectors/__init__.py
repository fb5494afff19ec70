"""Reads about learning lines (they change nothing and never import the services):

- :mod:`.sessions`: visible sessions, counts, agenda entries, the year agenda, .ics,
  whether registration is open;
- :mod:`.registrations`: waiting lists, /mijn/ lists, evaluation links and invitations due;
- :mod:`.pages`: what the line, session and working-group pages show to a user;
- :mod:`.plan`: the Dual-Track plan of the overview page;
- :mod:`.figures`: participation and satisfaction figures.
"""
