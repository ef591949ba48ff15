import Foundation
import Testing

@testable import TackSecrets

/// The regex engine SOPS crypt rules and `.sops.yaml` path rules run on: Go's answers, in linear time.
@Suite struct GoRegexTests {
  /// (pattern, text, what Go's `regexp.MatchString` answers). Rows where Go and Swift's `Regex`
  /// (or PCRE) disagree are marked: those are the ones a backtracking stand-in gets wrong.
  static let cases: [(String, String, Bool)] = [
    ("^(data|stringData)$", "data", true),
    ("^(data|stringData)$", "stringData", true),
    ("^(data|stringData)$", "metadata", false),
    ("data", "metadata", true),
    ("_unencrypted$", "password_unencrypted", true),
    ("_unencrypted$", "password_unencrypted_not", false),
    ("a$", "a\n", false),  // Go: `$` is end of text without (?m); PCRE also matches before a final \n
    ("(?m)a$", "a\nb", true),
    ("^b", "a\nb", false),
    ("(?m)^b", "a\nb", true),
    (".", "\n", false),
    ("(?s).", "\n", true),
    ("(?i)DATA", "data", true),
    ("(?i:D)ATA", "dATA", true),
    ("(?i:D)ATA", "data", false),
    ("[[:alpha:]]+", "123", false),
    ("[[:digit:]]", "x1", true),
    ("[[:^digit:]]", "11", false),
    (#"\d{3}"#, "12a345", true),
    (#"^\d{3}$"#, "1234", false),
    ("a{2,3}", "a", false),
    ("^a{2,3}$", "aaaa", false),
    ("^a{2,}$", "aaaaa", true),
    ("^a{2}$", "aa", true),
    ("x{", "x{", true),  // not a repeat: a literal brace, as in Go
    ("a{,3}", "a{,3}", true),
    (#"\bword\b"#, "a word here", true),
    (#"\bword\b"#, "swordfish", false),
    (#"\Bord"#, "swordfish", true),
    ("[^a-z]", "abc", false),
    ("[^a-z]", "abC", true),
    ("(?i)[a-c]$", "XBC", true),
    ("a|b|", "z", true),
    (#"\Qa.b\E"#, "axb", false),
    (#"\Qa.b\E"#, "a.b", true),
    ("(?P<x>ab)+$", "abab", true),
    ("(?<x>ab)+$", "aba", false),
    (#"\x41"#, "A", true),
    (#"\x{263a}"#, "☺", true),
    (#"[\d-]"#, "-", true),
    ("(a*)*", "b", true),
    ("(|a)*$", "aa", true),
    ("^$", "", true),
    ("^", "x", true),
    (#"\A\z"#, "", true),
    (#"\A\z"#, "x", false),
    ("^é+$", "ééé", true),
    ("a.c", "a☃c", true),  // `.` is one code point, not one byte
    ("^[a-c]+?$", "abc", true),
    (#"^\s*$"#, " \t\n", true),
    (#"\W"#, "abc_1", false),
    ("(a|ab)(c|bcd)(d*)$", "abcd", true),
  ]

  @Test func answersAsGoDoes() throws {
    for (pattern, text, expected) in Self.cases {
      let regex = try GoRegex(pattern)
      #expect(regex.matches(text) == expected, "\(pattern) on \(text.debugDescription)")
    }
  }

  /// Patterns Go's regexp.Compile refuses are refused, with the reason.
  @Test func refusesWhatGoRefuses() {
    for pattern in ["(", ")", "a**", "*a", "+", "a{1001}", "a{2,1}", "[z-a]", "[a", #"\8"#, #"\"#, "(?<>a)", "(?z)", #"\q"#] {
      #expect(throws: GoRegexError.self, "\(pattern)") { try GoRegex(pattern) }
    }
  }

  /// The pattern that takes a backtracking engine exponential time finishes at once.
  @Test func catastrophicPatternRunsInLinearTime() throws {
    let text = String(repeating: "a", count: 50_000) + "b"
    let start = ContinuousClock.now
    for pattern in ["(a+)+$", "(a|aa)+$", "(a*)*c$", "^(a?){25}a{25}$"] {
      #expect(try GoRegex(pattern).matches(text) == false, "\(pattern)")
    }
    #expect(ContinuousClock.now - start < .seconds(20))
  }

  /// The same patterns as SOPS metadata, where they are read before the MAC can be checked: a
  /// key path matched against `(a+)+$` costs no more than any other.
  @Test func catastrophicCryptRuleFromTheFileIsHarmless() throws {
    let key = String(repeating: "a", count: 50_000) + "b"
    let start = ContinuousClock.now
    let selector = try SopsLeafSelector(.encryptedRegex("(a+)+$"))
    #expect(!selector.isEncrypted(path: [key], currentValue: nil))
    #expect(selector.isEncrypted(path: [String(repeating: "a", count: 50_000)], currentValue: nil))
    #expect(ContinuousClock.now - start < .seconds(20))
  }

  @Test func aBadPatternInMetadataIsAConfigurationError() {
    #expect(throws: SopsError.self) { try SopsLeafSelector(.unencryptedRegex("a**")) }
    #expect(throws: SopsError.self) { try SopsLeafSelector(.encryptedCommentRegex("(")) }
  }

  @Test func pathRegexOfSopsConfigUsesGoSemantics() throws {
    let config = try SopsConfig(
      parsing: "creation_rules:\n  - path_regex: secret\\.yaml$\n    age: age1x\n  - age: age1y\n", path: "/r/.sops.yaml",
      directory: "/r")
    // Go's `$` does not match before a trailing newline; the first rule must not match this name.
    #expect(try config.rule(forFile: "/r/secret.yaml\n")?.ageRecipients == ["age1y"])
    #expect(try config.rule(forFile: "/r/secret.yaml")?.ageRecipients == ["age1x"])
  }
}
