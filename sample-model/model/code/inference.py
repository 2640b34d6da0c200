"""Inference handlers of the iris sample, for AWS's prebuilt SageMaker scikit-learn image.

The image imports this file as the module named by SAGEMAKER_PROGRAM (inference.py) from SAGEMAKER_SUBMIT_DIRECTORY
(/opt/ml/model/code: SageMaker unpacks model.tar.gz into /opt/ml/model) and calls
model_fn(model_dir) once, then input_fn(request_body, content_type), predict_fn(data, model) and
output_fn(prediction, accept) for every request; a (body, content type) tuple from output_fn is the response.
Sources of that contract:
- aws/sagemaker-scikit-learn-container, src/sagemaker_sklearn_container/serving.py: _user_module_transformer()
  and import_module() (the handler names, module name and directory from env.ServingEnv()).
- aws/sagemaker-containers, src/sagemaker_containers/_env.py (ServingEnv: SAGEMAKER_PROGRAM, SAGEMAKER_SUBMIT_DIRECTORY,
  model_dir /opt/ml/model), _transformer.py (Transformer.transform: the tuple becomes the response; the body is text
  for application/json, _worker.py Request.content), _modules.py (the directory is installed as a package).
- aws/sagemaker-inference-toolkit, src/sagemaker_inference/transformer.py (Transformer.transform) and errors.py
  (GenericInferenceToolkitError: a status code and a message for the client).
- aws/sagemaker-python-sdk, src/sagemaker/model.py (_script_mode_env_vars: code in model.tar.gz's code/ is
  SAGEMAKER_SUBMIT_DIRECTORY=/opt/ml/model/code).

The model is data, not a pickle: model.json holds a linear discriminant analysis (coefficients, intercepts, class
priors) that sample-model/train.py computed, so no scikit-learn version and no numpy is needed here. Standard library
only, Python 3.8 or newer.
"""

import json
import math
import os

MODEL_FILE = "model.json"
JSON_CONTENT_TYPE = "application/json"
FEATURES = ("sepal length", "sepal width", "petal length", "petal width")
SHAPE = "[%s] in cm" % ", ".join(FEATURES)
EXAMPLE = '{"instances": [[5.1, 3.5, 1.4, 0.2]]}'
# Probabilities are rounded to this many decimal places in the response.
DECIMALS = 6
# At most this many problems are listed in one error message.
MAX_PROBLEMS = 5

# Refused requests raise RequestError: the inference toolkit's GenericInferenceToolkitError where the image has it,
# which the toolkit's model server (the image's multi-model mode) answers with the status and the message. The
# image's single-model server, sagemaker-containers' Flask worker, answers any exception from a handler with a 500
# and logs the message (_functions.error_wrapper wraps it in a ClientError; _transformer.py).
try:
    from sagemaker_inference.errors import GenericInferenceToolkitError as _ErrorBase
except ImportError:  # outside the serving image: local runs and tests
    _ErrorBase = ValueError


class RequestError(_ErrorBase):
    """A request this model cannot answer, with the HTTP status it deserves and a message for the client."""

    def __init__(self, status_code, message):
        if _ErrorBase is ValueError:
            super().__init__(message)
        else:
            super().__init__(status_code, message, message)
        self.status_code = status_code
        self.message = message

    def __str__(self):
        return self.message


def model_fn(model_dir):
    """Loads the model's parameters from model.json in model_dir."""
    with open(os.path.join(model_dir, MODEL_FILE), encoding="utf-8") as file:
        return prepare(json.load(file))


def prepare(parameters):
    """The model predict_fn takes, from the parameters in model.json (train.py uses it too)."""
    classes = parameters["classes"]
    if len(parameters["intercepts"]) != len(classes) or len(parameters["priors"]) != len(classes):
        raise ValueError("model.json: one intercept and one prior per class expected")
    if len(parameters["coefficients"]) != len(classes) or any(
        len(row) != len(FEATURES) for row in parameters["coefficients"]
    ):
        raise ValueError("model.json: %d coefficients per class expected" % len(FEATURES))
    return dict(parameters, log_priors=[math.log(prior) for prior in parameters["priors"]])


def input_fn(request_body, request_content_type):
    """Reads {"instances": [[sepal length, sepal width, petal length, petal width], ...]} (cm) from a JSON body."""
    media_type = (request_content_type or "").split(";")[0].strip().lower()
    if media_type != JSON_CONTENT_TYPE:
        raise RequestError(
            415,
            "Content type %r is not supported: send %s, e.g. %s" % (request_content_type, JSON_CONTENT_TYPE, EXAMPLE),
        )
    if isinstance(request_body, (bytes, bytearray)):
        try:
            request_body = request_body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise RequestError(400, "The request body is not UTF-8: %s." % error)
    try:
        request = json.loads(request_body)
    except (ValueError, RecursionError) as error:
        raise RequestError(400, "The request body is not valid JSON: %s." % error)
    if not isinstance(request, dict) or "instances" not in request:
        raise RequestError(
            400, 'The request must be a JSON object with "instances", a list of %s, e.g. %s' % (SHAPE, EXAMPLE)
        )
    instances = request["instances"]
    if not isinstance(instances, list):
        raise RequestError(400, '"instances" must be a list of %s, e.g. %s' % (SHAPE, EXAMPLE))
    if not instances:
        raise RequestError(400, '"instances" is empty: send at least one %s, e.g. %s' % (SHAPE, EXAMPLE))
    problems = [problem for index, instance in enumerate(instances) for problem in _problems(index, instance)]
    if problems:
        more = len(problems) - MAX_PROBLEMS
        raise RequestError(400, "; ".join(problems[:MAX_PROBLEMS]) + (" (and %d more)." % more if more > 0 else "."))
    return [[float(value) for value in instance] for instance in instances]


def _problems(index, instance):
    """What is wrong with instances[index], if anything."""
    if not isinstance(instance, list):
        return ["instances[%d] is %s, not a list of %d numbers" % (index, json.dumps(instance), len(FEATURES))]
    if len(instance) != len(FEATURES):
        return [
            "instances[%d] has %d features; each instance needs %d: %s (cm)"
            % (index, len(instance), len(FEATURES), ", ".join(FEATURES))
        ]
    return [
        "instances[%d][%d] (%s) is %s, not a finite number" % (index, position, FEATURES[position], json.dumps(value))
        for position, value in enumerate(instance)
        if not _finite_number(value)
    ]


def _finite_number(value):
    """Whether a JSON value is a finite number (true and false are not numbers here)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer too large for a float
        return False


def predict_fn(input_data, model):
    """The class and the class probabilities of each instance (softmax of the discriminant scores)."""
    classes = model["classes"]
    predictions = []
    for instance in input_data:
        scores = [
            sum(weight * value for weight, value in zip(coefficients, instance)) + intercept + log_prior
            for coefficients, intercept, log_prior in zip(
                model["coefficients"], model["intercepts"], model["log_priors"]
            )
        ]
        best = max(scores)
        exponentials = [math.exp(score - best) for score in scores]
        total = sum(exponentials)
        index = scores.index(best)
        predictions.append(
            {
                "predicted_class": classes[index],
                "predicted_class_index": index,
                "probabilities": {
                    name: round(exponential / total, DECIMALS)
                    for name, exponential in zip(classes, exponentials)
                },
            }
        )
    return predictions


def output_fn(prediction, accept):
    """{"predictions": [...]} as JSON."""
    media_types = [part.split(";")[0].strip().lower() for part in (accept or "").split(",")]
    if not any(media_type in ("", "*/*", "application/*", JSON_CONTENT_TYPE) for media_type in media_types):
        raise RequestError(406, "Accept %r is not supported: this model answers %s." % (accept, JSON_CONTENT_TYPE))
    return json.dumps({"predictions": prediction}), JSON_CONTENT_TYPE
