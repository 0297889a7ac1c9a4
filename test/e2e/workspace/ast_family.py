"""PIN6xx: a NodeTransformer visit method that can end without returning the node."""
import ast


class Renamer(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == "old":
            node.id = "new"
