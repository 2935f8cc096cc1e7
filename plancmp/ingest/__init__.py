"""Files into checked plans: the data folder a command opens once and passes down, with
what people type for a plan (workspace), YAML with positions (yamldoc), the JSON Schemas of
plan, press and links files (schema, schemacheck; diffschema describes the diff output),
typed plans (load), each plan's checks against itself and its source (checks, consistency,
evidence, the source text indexed by sentence: textsearch), links.yaml (links), press files
(press) and `plancmp validate` across files (validate). Imports core/ and files/.
"""
