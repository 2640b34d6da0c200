#!/usr/bin/env python3
"""Trains the iris sample: Fisher's linear discriminant analysis on Fisher's iris data, written to model/model.json.

    python3 sample-model/train.py [--output PATH]

The classifier is scikit-learn's LinearDiscriminantAnalysis in closed form: class means, the covariance shared by
the classes (the within-class scatter divided by the number of rows), class priors from the class sizes. A class's
score is coefficients . x + intercept + ln(prior), with coefficients = covariance^-1 mean and intercept =
-mean . coefficients / 2; the probabilities are the softmax of the scores (model/code/inference.py).

Every step runs in exact rational arithmetic (fractions.Fraction: the data are decimals), and each parameter is
rounded to a float once, at the end; the logarithm of the priors is left to inference. So the same data give the
same model.json, byte for byte, on every machine and Python version (3.8 or newer, standard library only).
"""

import argparse
import hashlib
import importlib.util
import json
import os
import sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data", "iris.csv")
MODEL_DIR = os.path.join(HERE, "model")
FEATURES = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]


def read_iris(path):
    """scikit-learn's iris.csv: a line "<rows>,<features>,<class names...>", then the rows, class index last."""
    with open(path, "rb") as file:
        raw = file.read()
    lines = raw.decode("ascii").splitlines()
    header = lines[0].split(",")
    count, width, classes = int(header[0]), int(header[1]), header[2:]
    rows = [line.split(",") for line in lines[1:] if line]
    if len(rows) != count or any(len(row) != width + 1 for row in rows):
        raise ValueError("%s: expected %d rows of %d features and a class" % (path, count, width))
    features = [[Fraction(value) for value in row[:width]] for row in rows]
    labels = [int(row[width]) for row in rows]
    return classes, features, labels, hashlib.sha256(raw).hexdigest()


def solve(matrix, vector):
    """matrix^-1 vector, by Gauss-Jordan elimination in exact arithmetic."""
    size = len(vector)
    rows = [list(matrix[i]) + [vector[i]] for i in range(size)]
    for column in range(size):
        pivot = next(row for row in range(column, size) if rows[row][column] != 0)
        rows[column], rows[pivot] = rows[pivot], rows[column]
        for row in range(size):
            if row != column and rows[row][column] != 0:
                factor = rows[row][column] / rows[column][column]
                rows[row] = [a - factor * b for a, b in zip(rows[row], rows[column])]
    return [rows[i][size] / rows[i][i] for i in range(size)]


def fit(features, labels, class_count):
    """The exact parameters: coefficients and intercepts per class, and the class priors."""
    size, width = len(features), len(features[0])
    members = [[x for x, label in zip(features, labels) if label == k] for k in range(class_count)]
    means = [[sum(x[j] for x in group) / len(group) for j in range(width)] for group in members]
    covariance = [
        [
            sum((x[a] - mean[a]) * (x[b] - mean[b]) for group, mean in zip(members, means) for x in group) / size
            for b in range(width)
        ]
        for a in range(width)
    ]
    coefficients = [solve(covariance, mean) for mean in means]
    intercepts = [-sum(m * c for m, c in zip(mean, coef)) / 2 for mean, coef in zip(means, coefficients)]
    priors = [Fraction(len(group), size) for group in members]
    return coefficients, intercepts, priors


def load_handlers():
    """model/code/inference.py, to measure the accuracy of exactly what the endpoint serves."""
    spec = importlib.util.spec_from_file_location("inference", os.path.join(MODEL_DIR, "code", "inference.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=os.path.join(MODEL_DIR, "model.json"), help="where to write the model")
    output = parser.parse_args(argv).output

    classes, features, labels, data_sha256 = read_iris(DATA)
    coefficients, intercepts, priors = fit(features, labels, len(classes))
    model = {
        "model": "linear discriminant analysis: score = coefficients . x + intercept + ln(prior), softmax",
        "classes": classes,
        "features": FEATURES,
        "coefficients": [[float(c) for c in row] for row in coefficients],
        "intercepts": [float(i) for i in intercepts],
        "priors": [float(p) for p in priors],
    }

    handlers = load_handlers()
    predictions = handlers.predict_fn([[float(v) for v in x] for x in features], handlers.prepare(model))
    correct = sum(p["predicted_class_index"] == label for p, label in zip(predictions, labels))
    model["training"] = {
        "data": "data/iris.csv",
        "data_sha256": data_sha256,
        "rows": len(labels),
        "correct": correct,
        "accuracy": round(correct / len(labels), 4),
    }
    with open(output, "w", encoding="utf-8", newline="\n") as file:
        json.dump(model, file, indent=2)
        file.write("\n")
    share = 100 * correct / len(labels)
    print("training accuracy: %d of %d rows (%.2f %%); wrote %s" % (correct, len(labels), share, output))


if __name__ == "__main__":
    main(sys.argv[1:])
