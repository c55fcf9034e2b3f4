// The Swift snippets of README.md and docs/library.md, compiled and run by the project's own
// build (the `library-guide` executable). DocumentationSnippetTests checks that every snippet of
// those two documents appears here line for line, and that this program prints
// expected-output.txt.
print("== README")
try readmeExample()
print("== first search")
try firstSearch()
print("== spaces")
try spaces()
print("== algorithms")
try algorithms()
print("== fmin options")
try fminOptions()
print("== trials")
try trialsAndJSON()
print("== generators and seeds")
generatorsAndSeeds()
print("== an objective")
try objectives()
print("== a suggester")
try customSuggester()
