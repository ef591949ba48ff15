import Dispatch
import Synchronization
import TackCore
import TackOutput

/// Completes resource names from the cluster for `tack get|export|build|diff <noun> <TAB>`, as flux's `resourceNamesCompletionFunc` does: lists the noun's kind in the namespace
/// given so far on the command line (`-n`, `-A`, `--context`, `--kubeconfig`), gives up after two
/// seconds, and is silent on every error (a completion must never print one).
enum ResourceNameCompletion {
  static let timeout: DispatchTimeInterval = .seconds(2)

  @Sendable static func complete(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    guard let (kind, flags, allNamespaces) = parse(words) else { return [] }
    let result = Mutex<[String]>([])
    let done = DispatchSemaphore(value: 0)
    // The shell waits on us: run the lookup off this thread and stop waiting after the timeout.
    let task = Task.detached {
      defer { done.signal() }
      guard let global = try? GlobalOptions.parse(flags) else { return }
      let context = CommandContext(
        console: Console(out: MemorySink(), err: MemorySink(), style: .plain), environment: TackMain.environment())
      guard let cluster = try? context.cluster(global), let namespace = try? context.namespace(global),
        let list = try? await cluster.list(ObjectKind(kind), ListScope(namespace: allNamespaces ? nil : namespace))
      else { return }
      let names = list.items.compactMap { $0[path: "metadata", "name"]?.stringValue }
      result.withLock { $0 = names }
    }
    if done.wait(timeout: .now() + timeout) == .timedOut { task.cancel() }
    var seen = Set<String>()
    return result.withLock { $0 }.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }.sorted()
  }

  static let verbs: Set<String> = ["get", "export", "build", "diff"]

  /// The kind named after the verb and the connection flags typed so far.
  static func parse(_ words: [String]) -> (FluxKind, [String], Bool)? {
    guard let verb = words.firstIndex(where: verbs.contains) else { return nil }
    let rest = Array(words[(verb + 1)...]).filter { !$0.hasPrefix("-") }
    var kind: FluxKind?
    if rest.count >= 2 { kind = FluxKind.resolve(noun: Array(rest.prefix(2))) }
    if kind == nil, let first = rest.first { kind = FluxKind.resolve(noun: [first]) }
    guard let kind else { return nil }
    var flags: [String] = []
    var allNamespaces = false
    let valued: Set<String> = ["-n", "--namespace", "--context", "--kubeconfig", "--cluster", "--user", "--server"]
    var i = verb + 1
    while i < words.count {
      let word = words[i]
      if word == "-A" || word == "--all-namespaces" {
        allNamespaces = true
      } else if valued.contains(word), i + 1 < words.count {
        flags += [word, words[i + 1]]
        i += 1
      } else if let eq = word.firstIndex(of: "="), valued.contains(String(word[..<eq])) {
        flags.append(word)
      }
      i += 1
    }
    return (kind, flags, allNamespaces)
  }
}
