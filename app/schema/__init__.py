"""The graph schema as data: `graph/schema/` YAML read into types, enums and validators."""
