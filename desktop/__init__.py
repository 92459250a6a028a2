"""ClaimDesk's Qt desktop layer. Calls db/ through small named operations."""
