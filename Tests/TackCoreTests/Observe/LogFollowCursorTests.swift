import TackBase
import TackCore
import Testing

/// The boundary of a resumed log: a stream that starts again at the last line's second repeats
/// lines, and only those are skipped.
@Suite struct LogFollowCursorTests {
  static let t0 = RFC3339Time("2026-03-01T10:00:00.100000000Z")!
  static let t1 = RFC3339Time("2026-03-01T10:00:00.200000000Z")!
  static let t2 = RFC3339Time("2026-03-01T10:00:01.000000000Z")!

  @Test func aBurstSharingOneTimeIsNotRepeatedNorLost() {
    var cursor = LogFollowCursor()
    // The first stream: two lines share t1, and a line with the same time as the last is new.
    #expect([Self.t0, Self.t1, Self.t1].map { cursor.admit($0) } == [true, true, true])
    #expect(cursor.resumeTime == Self.t1)
    cursor.reopen()
    // The second starts at 10:00:00 (whole seconds): t0 and both t1 lines again, then a third t1 line.
    #expect([Self.t0, Self.t1, Self.t1, Self.t1, Self.t2].map { cursor.admit($0) } == [false, false, false, true, true])
    #expect(cursor.count == 5)
    cursor.reopen()
    #expect([Self.t2, Self.t2].map { cursor.admit($0) } == [false, true])
  }

  @Test func timestampsSplitFromTheLine() {
    let (time, text) = LogFollowCursor.split("2026-03-01T10:00:00.100000000Z {\"msg\":\"a b\"}")
    #expect(time == Self.t0)
    #expect(text == "{\"msg\":\"a b\"}")
    let bare = LogFollowCursor.split("{\"msg\":\"a b\"}")
    #expect(bare.time == nil && bare.text == "{\"msg\":\"a b\"}")
  }
}
