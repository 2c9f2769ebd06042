"""Saving helpers: this module never imports TensorFlow; it gets the builder and session passed in."""


def save_with_builder(builder, sess, tags, signatures):
    builder.add_meta_graph_and_variables(sess, tags, signature_def_map=signatures)
    return builder.save()
