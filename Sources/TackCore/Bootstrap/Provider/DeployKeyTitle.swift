/// The title flux gives a deploy key (reference: git-providers-and-oci §3.2): the non-empty parts
/// of namespace, branch, secret name and `./<clean path>` joined with `-`, e.g.
/// `flux-system-main-flux-system-./clusters/my-cluster`. Keys are matched by this title on re-runs,
/// so it must be exactly flux's for either tool to take over from the other.
public enum DeployKeyTitle {
  public static func make(namespace: String, branch: String, secretName: String, path: RepositoryPath) -> String {
    let pathPart = path.components.isEmpty ? "" : path.dotted
    return [namespace, branch, secretName, pathPart].filter { !$0.isEmpty }.joined(separator: "-")
  }
}
