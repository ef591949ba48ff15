extension Array where Element: Sendable {
  /// `map` with up to `limit` transforms running at once; results keep the input order. For the
  /// patch phase of bulk commands: hundreds of PATCHes over one connection pool instead of one by one.
  func orderedConcurrentMap<T: Sendable>(
    limit: Int, _ transform: @escaping @Sendable (Element) async -> T
  ) async -> [T] {
    guard count > 1, limit > 1 else {
      var results: [T] = []
      for element in self { results.append(await transform(element)) }
      return results
    }
    return await withTaskGroup(of: (Int, T).self) { group in
      var results = [T?](repeating: nil, count: count)
      var next = 0
      for _ in 0..<Swift.min(limit, count) {
        let index = next
        let element = self[index]
        group.addTask { (index, await transform(element)) }
        next += 1
      }
      for await (index, result) in group {
        results[index] = result
        if next < count {
          let index = next
          let element = self[index]
          group.addTask { (index, await transform(element)) }
          next += 1
        }
      }
      return results.map { $0! }
    }
  }
}
