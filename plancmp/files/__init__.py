"""Files, before anything is known of plans: bounded reads of the files a pull request can
change (safeio), atomic writes that replace only regular files (output), where the data
folder and the package data are (paths), and the signed cache of parsed data and whole
results (cache). Imports nothing of plancmp but its version.
"""
