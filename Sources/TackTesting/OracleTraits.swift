import TackTestSupport
import Testing

extension Trait where Self == ConditionTrait {
  /// Runs the test or suite only where `oracles` are installed: a missing one skips it, or fails it
  /// under `TACK_REQUIRE_ORACLES=1` (see ``Oracle``). The reason names the tool and how to get it.
  ///
  /// ```swift
  /// @Suite(.requires(.age)) struct AgeOracleTests { … }
  /// ```
  public static func requires(_ oracles: Oracle...) -> Self {
    let note = Oracle.Missing(oracles: oracles).description
    return .enabled(Comment(rawValue: note)) { try Oracle.check(oracles) }
  }
}

extension Oracle {
  /// The oracle's path, for a test that needs it only on one path of its body: when it is missing,
  /// the test fails under `TACK_REQUIRE_ORACLES=1` and is otherwise cancelled (skipped) from here on.
  public static func require(_ oracle: Oracle, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    if let path = oracle.path { return path }
    let missing = Missing(oracles: [oracle])
    if required { throw missing }
    try Test.cancel(Comment(rawValue: missing.description), sourceLocation: sourceLocation)
  }
}
