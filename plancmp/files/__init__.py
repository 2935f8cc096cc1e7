"""Files, before anything is known of plans: bounded reads of the files a pull request can
change (safeio), the one rule by which a data folder's files are read, each once a run
(folder), atomic writes that replace only regular files (output), where the package's own
files are and how paths read in messages (paths), and the signed cache of parsed data and
whole results (cache). Imports nothing of plancmp but its version.
"""
