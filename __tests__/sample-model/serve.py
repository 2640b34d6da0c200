"""Serves requests with the handlers in a model.tar.gz, as the SageMaker scikit-learn image would, for the tests.

    python3 serve.py <model.tar.gz>   < requests.json   > responses.json

It unpacks the archive into a temporary model directory (SageMaker unpacks it into /opt/ml/model), imports
code/inference.py from there, calls model_fn(model_dir) once, then, per request {"body", "content_type", "accept",
"bytes", "base64"}, input_fn, predict_fn and output_fn, and prints one JSON line per request: {"body", "content_type"} or
{"error": <class name>, "bases": [...], "status": <status_code>, "message": str(error)}.
"""

import base64
import importlib.util
import json
import sys
import tarfile
import tempfile


def main():
    archive = sys.argv[1]
    requests = json.load(sys.stdin)
    with tempfile.TemporaryDirectory() as model_dir:
        with tarfile.open(archive, mode="r:gz") as tar:
            tar.extractall(model_dir)
        spec = importlib.util.spec_from_file_location("inference", model_dir + "/code/inference.py")
        handlers = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(handlers)
        model = handlers.model_fn(model_dir)
        for request in requests:
            body = request["body"]
            if request.get("base64"):
                body = base64.b64decode(body)
            elif request.get("bytes"):
                body = body.encode("utf-8")
            try:
                data = handlers.input_fn(body, request["content_type"])
                response, content_type = handlers.output_fn(handlers.predict_fn(data, model), request["accept"])
                print(json.dumps({"body": response, "content_type": content_type}))
            except Exception as error:  # every error, to show what the client would get
                print(
                    json.dumps(
                        {
                            "error": type(error).__name__,
                            "bases": [base.__module__ + "." + base.__name__ for base in type(error).__mro__[1:-2]],
                            "status": getattr(error, "status_code", None),
                            "message": str(error),
                        }
                    )
                )


if __name__ == "__main__":
    sys.dont_write_bytecode = True
    main()
