"""Discovery, fetching, the frontier and storage: everything but cleaning."""
