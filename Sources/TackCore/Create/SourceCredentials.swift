import TackBase
import TackJSON

/// The credentials Secret `create source git|helm|bucket` writes on the apply path when no
/// `--secret-ref` is given (flux's behaviour; `--export` never writes one — use `create secret …
/// --export` and `--secret-ref`). Names as flux names them: the source's name for Git,
/// `helm-<name>`, `bucket-<name>`.
public enum SourceCredentials {
  /// `-u`/`-p` (and a CA) for a HelmRepository, or `nil` when none are given.
  public static func helm(_ target: CreateTarget, username: String, password: String, ca: String?) throws(CreateError)
    -> SecretDraft?
  {
    guard !username.isEmpty || !password.isEmpty || ca != nil else { return nil }
    if !username.isEmpty && password.isEmpty { throw CreateError("--password is required with --username") }
    if username.isEmpty && !password.isEmpty { throw CreateError("--username is required with --password") }
    var data: [String: String] = [:]
    if !username.isEmpty {
      data["username"] = username
      data["password"] = password
    }
    if let ca { data["ca.crt"] = ca }
    // flux does not label the generated Helm and Git secrets.
    return SecretDraft(name: "helm-\(target.name)", namespace: target.namespace, type: nil, stringData: data)
  }

  /// `--access-key`/`--secret-key` for a Bucket, only when both are given (as flux does); labelled
  /// like the Bucket.
  public static func bucket(_ target: CreateTarget, accessKey: String, secretKey: String) -> SecretDraft? {
    guard !accessKey.isEmpty, !secretKey.isEmpty else { return nil }
    return SecretDraft(
      name: "bucket-\(target.name)", namespace: target.namespace, labels: target.labels, type: nil,
      stringData: ["accesskey": accessKey, "secretkey": secretKey])
  }
}
