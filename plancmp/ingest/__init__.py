"""Files into checked plans: YAML with positions (yamldoc), the JSON Schemas of plan, press
and links files (schema, schemacheck; diffschema describes the diff output), typed plans
(load), each plan's checks against itself and its source (checks, consistency, evidence,
the source text indexed by sentence: textsearch), links.yaml (links), press files (press),
`plancmp validate` across files (validate) and what people type for a plan (planref).
Imports core/ and files/.
"""
