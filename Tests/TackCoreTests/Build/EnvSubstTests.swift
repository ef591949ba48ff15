import TackCore
import Testing

/// fluxcd/pkg envsubst semantics, form by form (expected values worked out from its parser and
/// functions, including the quirks Flux users meet).
@Suite struct EnvSubstTests {
  let variables = ["NAME": "hello", "EMPTY": "", "PATH_VAR": "a/b/c", "MIXED": "HeLLo", "DEFAULT": "d"]

  func eval(_ text: String, strict: Bool = false) throws(EnvSubst.Failure) -> String {
    try EnvSubst.evaluate(text, strict: strict) { variables[$0] }
  }

  @Test func plainAndDefaultForms() throws {
    #expect(try eval("a ${NAME} b") == "a hello b")
    #expect(try eval("${UNSET:=fallback}") == "fallback")
    #expect(try eval("${UNSET:-fallback}") == "fallback")
    #expect(try eval("${EMPTY:=fallback}") == "fallback", "empty counts as unset for :=")
    #expect(try eval("${NAME:=fallback}") == "hello")
    #expect(try eval("${UNSET=fallback}") == "fallback")
    #expect(try eval("${EMPTY=fallback}") == "fallback", "Flux evaluates = like :=")
    #expect(try eval("${UNSET:+alt}") == "alt", "every default operator is 'value or default' in Flux")
    #expect(try eval("${UNSET:-}") == "")
    #expect(try eval("${UNSET:=${NAME}-x}") == "hello-x", "defaults may nest expressions")
    #expect(try eval("${UNSET:=a b:c}") == "a b:c")
  }

  @Test func unbracedAndEscapedDollarsStayText() throws {
    #expect(try eval("$NAME") == "$NAME")
    #expect(try eval("$$NAME") == "$NAME")
    #expect(try eval("$${NAME}") == "${NAME}")
    #expect(try eval("cost: 5$") == "cost: 5$")
    #expect(try eval("a$${NAME}b${NAME}") == "a${NAME}bhello")
  }

  @Test func strictModeNamesTheMissingVariable() throws {
    #expect(try eval("${MISSING}") == "", "without strict mode a missing variable is empty")
    let error = #expect(throws: EnvSubst.Failure.self) { try eval("x: ${MISSING}", strict: true) }
    #expect(error?.message == #"variable not set (strict mode): "MISSING""#)
    #expect(try eval("${MISSING:=ok}", strict: true) == "ok", "a default satisfies strict mode")
    #expect(try eval("${EMPTY}", strict: true) == "", "set but empty is not missing")
    #expect(throws: EnvSubst.Failure.self) { try eval("${#MISSING}", strict: true) }
  }

  @Test func stringFunctions() throws {
    #expect(try eval("${#NAME}") == "5")
    #expect(try eval("${NAME^^}") == "HELLO")
    #expect(try eval("${NAME^}") == "Hello")
    #expect(try eval("${MIXED,,}") == "hello")
    #expect(try eval("${MIXED,}") == "heLLo")
    #expect(try eval("${NAME:1}") == "ello")
    #expect(try eval("${NAME:1:3}") == "ell")
    #expect(try eval("${NAME:3:10}") == "lo")
    #expect(try eval("${NAME:9}") == "")
    #expect(try eval("${NAME: -2}") == "hello", "an offset that is not a number leaves the value")
    #expect(try eval("${NAME:-2}") == "hello", ":- is the default operator, not a negative offset")
  }

  @Test func replaceAndTrimFunctions() throws {
    #expect(try eval("${NAME/l/L}") == "heLlo")
    #expect(try eval("${NAME//l/L}") == "heLLo")
    #expect(try eval("${NAME/l/}") == "helo")
    #expect(try eval("${NAME/#he/HE}") == "HEllo")
    #expect(try eval("${NAME/#xx/HE}") == "hello")
    #expect(try eval("${NAME/%lo/LO}") == "helLO")
    #expect(try eval("${PATH_VAR//\\//-}") == "a-b-c", "\\/ escapes the separator")
    #expect(try eval("${NAME#*l}") == "lo")
    #expect(try eval("${NAME##*l}") == "o")
    #expect(try eval("${NAME%l*}") == "hel")
    #expect(try eval("${NAME%%l*}") == "he")
    #expect(try eval("${PATH_VAR#*/}") == "b/c", "patterns match across /")
  }

  @Test func malformedExpressionsFailAsFluxDoes() {
    func message(_ text: String) -> String? {
      do {
        _ = try eval(text)
        return nil
      } catch {
        return error.message
      }
    }
    #expect(message("${NAME") == "missing closing brace")
    #expect(message("${}") == "unable to parse variable name")
    #expect(message("${NAME:}") == "unable to parse substitution within function")
    #expect(message("${NAME/l}") == "bad substitution")
    #expect(message("${NAME-x}") == "missing closing brace", "unset-only defaults are not supported")
  }
}

@Suite struct IgnorePatternTests {
  let root = ["", "repo"]

  func ignored(_ patterns: [String], _ path: String, directory: Bool = false, domain: [String]? = nil) -> Bool {
    let matcher = IgnoreMatcher(patterns.map { IgnorePattern($0, domain: domain ?? root) })
    return matcher.isIgnored(("/repo/" + path).split(separator: "/", omittingEmptySubsequences: false).map(String.init),
      isDirectory: directory)
  }

  @Test func namesMatchAnyComponent() {
    #expect(ignored(["*.txt"], "a/b.txt"))
    #expect(!ignored(["*.txt"], "a/b.yaml"))
    #expect(ignored(["tmp"], "tmp/x.yaml"), "a matching directory component covers its files")
  }

  @Test func patternsWithSlashesAreAnchoredToTheirDirectory() {
    #expect(ignored(["/docs"], "docs/x.yaml"))
    #expect(!ignored(["/docs"], "a/docs/x.yaml"))
    #expect(ignored(["a/docs"], "a/docs/x.yaml"))
    #expect(ignored(["**/tmp"], "a/b/tmp/x.yaml"))
    #expect(ignored(["a/**"], "a/b/c.yaml"))
  }

  @Test func directoryOnlyPatterns() {
    #expect(!ignored(["build/"], "build"))
    #expect(ignored(["build/"], "build", directory: true))
    #expect(ignored(["build/"], "build/out.yaml"))
  }

  @Test func laterPatternsWinAndNegationReincludes() {
    #expect(!ignored(["*.yaml", "!keep.yaml"], "keep.yaml"))
    #expect(ignored(["*.yaml", "!keep.yaml"], "drop.yaml"))
    #expect(!ignored(["/*", "!configmap.yaml"], "configmap.yaml"), "flux's 'exclude all, re-include one'")
    #expect(ignored(["!keep.yaml", "*.yaml"], "keep.yaml"))
  }

  @Test func patternsOnlyApplyBelowTheirDomain() {
    #expect(!ignored(["x.yaml"], "x.yaml", domain: ["", "repo", "sub"]))
    #expect(ignored(["x.yaml"], "sub/x.yaml", domain: ["", "repo", "sub"]))
  }

  @Test func sourceControllerDefaults() {
    let rules = SourceIgnore(patterns: [], domain: root)
    #expect(rules.isIgnored("/repo/.github/workflows/ci.yaml", isDirectory: false))
    #expect(rules.isIgnored("/repo/logo.png", isDirectory: false))
    #expect(rules.isIgnored("/repo/deep/.sops.yaml", isDirectory: false))
    #expect(rules.isIgnored("/repo/.gitlab-ci.yml", isDirectory: false))
    #expect(!rules.isIgnored("/repo/apps/deploy.yaml", isDirectory: false))
  }

  @Test func ignoreFileLinesSkipCommentsAndBlanks() {
    let patterns = SourceIgnore.read("# comment\n\n*.tmp\r\n  \n!a.tmp\n", domain: root)
    #expect(patterns.count == 2)
  }
}
