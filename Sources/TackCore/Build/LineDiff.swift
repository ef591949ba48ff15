/// A line diff in the shape diff-match-patch's line mode gives dyff: runs of equal lines, and
/// between them one deletion chunk followed by one insertion chunk. Lines keep their `\n`.
///
/// The edit script is a shortest one (Myers); where several shortest scripts exist the lines
/// grouped into a chunk can differ from diff-match-patch's choice.
enum LineDiff {
  enum Kind: Equatable { case equal, delete, insert }

  struct Chunk: Equatable {
    var kind: Kind
    var text: String
  }

  static func lines(_ text: String) -> [Substring] {
    var result: [Substring] = []
    var start = text.startIndex
    while start < text.endIndex {
      if let newline = text[start...].firstIndex(of: "\n") {
        let end = text.index(after: newline)
        result.append(text[start..<end])
        start = end
      } else {
        result.append(text[start...])
        break
      }
    }
    return result
  }

  static func chunks(_ old: String, _ new: String) -> [Chunk] {
    let a = lines(old)
    let b = lines(new)
    var operations: [Kind] = []
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
      suffix += 1
    }
    operations += Array(repeating: .equal, count: prefix)
    operations += shortestEdit(Array(a[prefix..<(a.count - suffix)]), Array(b[prefix..<(b.count - suffix)]))
    operations += Array(repeating: .equal, count: suffix)

    var result: [Chunk] = []
    var i = 0
    var j = 0
    var equal = ""
    var deleted = ""
    var inserted = ""
    func flushChanges() {
      if !deleted.isEmpty { result.append(Chunk(kind: .delete, text: deleted)) }
      if !inserted.isEmpty { result.append(Chunk(kind: .insert, text: inserted)) }
      deleted = ""
      inserted = ""
    }
    for operation in operations {
      switch operation {
      case .equal:
        flushChanges()
        equal += a[i]
        i += 1
        j += 1
      case .delete:
        if !equal.isEmpty { result.append(Chunk(kind: .equal, text: equal)) }
        equal = ""
        deleted += a[i]
        i += 1
      case .insert:
        if !equal.isEmpty { result.append(Chunk(kind: .equal, text: equal)) }
        equal = ""
        inserted += b[j]
        j += 1
      }
    }
    flushChanges()
    if !equal.isEmpty { result.append(Chunk(kind: .equal, text: equal)) }
    return result
  }

  /// Myers' greedy shortest edit script as a list of operations.
  private static func shortestEdit(_ a: [Substring], _ b: [Substring]) -> [Kind] {
    let n = a.count
    let m = b.count
    if n == 0 { return Array(repeating: .insert, count: m) }
    if m == 0 { return Array(repeating: .delete, count: n) }
    let maxD = n + m
    let offset = maxD
    var v = Array(repeating: 0, count: 2 * maxD + 2)
    var trace: [[Int]] = []
    search: for d in 0...maxD {
      trace.append(v)
      for k in stride(from: -d, through: d, by: 2) {
        var x: Int
        if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
          x = v[offset + k + 1]
        } else {
          x = v[offset + k - 1] + 1
        }
        var y = x - k
        while x < n, y < m, a[x] == b[y] {
          x += 1
          y += 1
        }
        v[offset + k] = x
        if x >= n && y >= m { break search }
      }
    }
    var operations: [Kind] = []
    var x = n
    var y = m
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
      let v = trace[d]
      let k = x - y
      let previousK: Int
      if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
        previousK = k + 1
      } else {
        previousK = k - 1
      }
      let previousX = v[offset + previousK]
      let previousY = previousX - previousK
      while x > previousX && y > previousY {
        operations.append(.equal)
        x -= 1
        y -= 1
      }
      if d > 0 {
        operations.append(x == previousX ? .insert : .delete)
        x = previousX
        y = previousY
      }
    }
    return operations.reversed()
  }
}
